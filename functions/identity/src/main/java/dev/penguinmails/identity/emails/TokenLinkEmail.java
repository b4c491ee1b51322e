package dev.penguinmails.identity.emails;

import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.tokens.OneTimeTokens;

/**
 * An email that mints a one-time token for a person and mails its link (verification, password reset,
 * email change): the collaborators every such email needs, in one place.
 */
public abstract class TokenLinkEmail implements IdentityEmail {
    protected final OneTimeTokens tokens;
    protected final UserStore users;
    protected final EmailLinks links;

    protected TokenLinkEmail(OneTimeTokens tokens, UserStore users, EmailLinks links) {
        this.tokens = tokens;
        this.users = users;
        this.links = links;
    }
}

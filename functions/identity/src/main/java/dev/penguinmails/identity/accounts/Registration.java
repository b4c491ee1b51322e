package dev.penguinmails.identity.accounts;

/** What {@link AccountRegistry#register} found or did. */
public sealed interface Registration {
    User user();

    /** A new PENDING account was written and its address claimed; finish the remaining steps. */
    record Created(User user) implements Registration { }

    /** The same person's earlier signup stopped half-way; finish its remaining steps. */
    record Resumed(User user) implements Registration { }

    /** The address belongs to another account, which must not learn nor reveal anything here. */
    record Existing(User user) implements Registration { }
}

package dev.penguinmails.billing.checkout;

import jakarta.inject.Singleton;

/**
 * The web app's pages that Checkout and the Customer Portal send people back to.
 */
@Singleton
public class BillingLinks {
    private final String appUrl;

    BillingLinks(AppLinkSettings settings) {
        this.appUrl = settings.appUrl().replaceAll("/+$", "");
    }

    public String checkoutSuccess(String workspaceId) {
        return appUrl + "/workspaces/" + workspaceId + "/billing?checkout={CHECKOUT_SESSION_ID}";
    }

    public String checkoutCancel(String workspaceId) {
        return appUrl + "/workspaces/" + workspaceId + "/billing?checkout=canceled";
    }

    public String billingPage(String workspaceId) {
        return appUrl + "/workspaces/" + workspaceId + "/billing";
    }
}

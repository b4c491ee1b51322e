package dev.penguinmails.emulators.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered as Stripe answers it: a status and {@code {"error":{type, code, message, param}}}. */
final class StripeError extends RuntimeException {
    final int status;
    final String type;
    final String code;
    final String param;

    StripeError(int status, String type, String code, String message, String param) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeError missing(String what, String id) {
        return new StripeError(404, "invalid_request_error", "resource_missing", "No such " + what + ": '" + id + "'", "id");
    }

    static StripeError invalid(String message, String param) {
        return new StripeError(400, "invalid_request_error", null, message, param);
    }

    String json() {
        ObjectNode error = StripeLedger.JSON.createObjectNode();
        ObjectNode body = error.putObject("error");
        body.put("type", type).put("message", getMessage());
        if (code != null) {
            body.put("code", code);
        }
        if (param != null) {
            body.put("param", param);
        }
        return error.toString();
    }
}

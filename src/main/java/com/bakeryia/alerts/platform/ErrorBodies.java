package com.bakeryia.alerts.platform;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the one error body shape of the API: {@code {"error": "<code>", "message": "..."}}. */
public final class ErrorBodies {

    private ErrorBodies() {}

    public static String json(String code, String message) {
        return Json.createObjectBuilder()
                .add("error", code)
                .add("message", message == null ? "" : message)
                .build()
                .toString();
    }

    public static Response response(Response.StatusType status, String code, String message) {
        var builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json(code, message));
        if (status.getStatusCode() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}

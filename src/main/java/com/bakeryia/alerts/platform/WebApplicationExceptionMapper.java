package com.bakeryia.alerts.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the runtime's own refusals (unknown path, wrong method or media type, a role missing)
 * the same JSON body as the application's.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String code = switch (status.getStatusCode()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status.getStatusCode() >= 500 ? "server_error" : "request_refused";
        };
        String message = switch (status.getStatusCode()) {
            case 401 -> "A valid bearer token is required.";
            case 403 -> "The token does not allow this request.";
            case 404 -> "No such resource.";
            default -> status.getReasonPhrase();
        };
        return ErrorBodies.response(status, code, message);
    }
}

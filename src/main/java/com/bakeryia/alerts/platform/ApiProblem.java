package com.bakeryia.alerts.platform;

import jakarta.ws.rs.core.Response;

/**
 * A request the API refuses, with the HTTP status, a stable machine-readable code and a sentence
 * for people. Thrown by resources and controls; {@link ApiProblemMapper} writes it as JSON.
 */
public class ApiProblem extends RuntimeException {

    private final Response.StatusType status;
    private final String code;

    public ApiProblem(Response.StatusType status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiProblem badRequest(String code, String message) {
        return new ApiProblem(Response.Status.BAD_REQUEST, code, message);
    }

    public static ApiProblem unauthorized(String code, String message) {
        return new ApiProblem(Response.Status.UNAUTHORIZED, code, message);
    }

    public static ApiProblem forbidden(String code, String message) {
        return new ApiProblem(Response.Status.FORBIDDEN, code, message);
    }

    public static ApiProblem notFound(String code, String message) {
        return new ApiProblem(Response.Status.NOT_FOUND, code, message);
    }

    public static ApiProblem tooManyRequests(String code, String message) {
        return new ApiProblem(Response.Status.TOO_MANY_REQUESTS, code, message);
    }

    public Response.StatusType status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Response toResponse() {
        return ErrorBodies.response(status, code, getMessage());
    }
}

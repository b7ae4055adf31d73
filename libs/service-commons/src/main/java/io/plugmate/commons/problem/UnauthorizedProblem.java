package io.plugmate.commons.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

/** 401: no usable credentials. Carries the Bearer challenge RFC 6750 asks for. */
public class UnauthorizedProblem extends ProblemException {

    public static final String BEARER_CHALLENGE = "Bearer";

    public UnauthorizedProblem(String detail) {
        super(ProblemType.UNAUTHORIZED, detail, List.of(), Map.of(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE));
    }
}

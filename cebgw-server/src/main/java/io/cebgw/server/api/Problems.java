package io.cebgw.server.api;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.problem.Problem;
import io.cebgw.core.problem.ProblemCode;
import io.cebgw.core.registry.ProblemRegistry;
import io.cebgw.server.document.FindingsJson;
import io.cebgw.server.document.ValidationFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Optional;


/** Errors as application/problem+json with a stable code, Chinese and English text, and the findings; never a stack trace. */
@RestControllerAdvice(basePackages = "io.cebgw.server.api") // the web pages answer with pages, not problem+json
class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(ValidationFailed.class)
    ResponseEntity<ProblemDetail> refused(ValidationFailed e) {
        ProblemDetail p = answer(e.problem());
        p.setProperty("findings", FindingsJson.maps(e.findings()));
        return body(p);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(answer(GatewayProblem.MEDIA_TYPE.with()));
    }

    /** {@code ?limit=abc}: the parameter, what it got and what it takes — a client's mistake, not a server error. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        Localized expected = type == int.class || type == Integer.class || type == long.class || type == Long.class
                ? new Localized("整数", "a whole number") : new Localized(type == null ? "?" : type.getSimpleName(), type == null ? "?" : type.getSimpleName());
        return body(answer(GatewayProblem.BAD_PARAMETER.with(e.getName(), String.valueOf(e.getValue()), expected)));
    }

    /** An empty or unreadable body where one is required. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> noBody(HttpMessageNotReadableException e) {
        return body(answer(GatewayProblem.NO_BODY.with()));
    }

    /**
     * A request the firewall refuses: a header with characters HTTP does not allow (a key pasted with Chinese in it), or
     * a body read as parameters with odd names or control characters — a 400 that says which, never echoing the value.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        boolean header = String.valueOf(e.getMessage()).contains("header");
        return body(answer(header ? GatewayProblem.BAD_HEADER.with() : GatewayProblem.NO_BODY.with()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse er) {
            // Spring decided the status (unknown route, wrong method …): its registry entry is GW-A<status>
            Optional<ProblemCode> known = ProblemRegistry.byCode("GW-A" + er.getStatusCode().value());
            if (known.isPresent()) {
                return body(answer(known.get().with(er.getBody().getDetail())));
            }
            ProblemDetail p = er.getBody();
            p.setProperty("code", GatewayProblem.BAD_REQUEST.code());
            return ResponseEntity.status(er.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        LOG.warn("internal error", e);
        return body(answer(GatewayProblem.INTERNAL.with()));
    }

    /** The problem as problem+json: status from the registry, detail in both languages, its code. */
    static ProblemDetail answer(Problem problem) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(problem.code().httpStatus()), problem.zh() + " / " + problem.en());
        p.setProperty("code", problem.code().code());
        p.setProperty("zh", problem.zh());
        p.setProperty("en", problem.en());
        return p;
    }

    private static ResponseEntity<ProblemDetail> body(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}

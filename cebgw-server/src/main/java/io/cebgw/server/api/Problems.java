package io.cebgw.server.api;

import io.cebgw.server.document.FindingsJson;
import io.cebgw.server.document.ValidationFailed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.HttpMediaTypeNotSupportedException;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Errors as application/problem+json with a stable code, Chinese and English text, and the findings; never a stack trace. */
@RestControllerAdvice(basePackages = "io.cebgw.server.api") // the web pages answer with pages, not problem+json
class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    @ExceptionHandler(ValidationFailed.class)
    ResponseEntity<ProblemDetail> refused(ValidationFailed e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.zh() + " / " + e.getMessage());
        p.setProperty("code", e.code());
        p.setProperty("findings", FindingsJson.maps(e.findings()));
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "只接受 application/json 或 application/xml / send application/json or application/xml");
        p.setProperty("code", "GW-A415");
        return ResponseEntity.status(415).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse er) {
            ProblemDetail p = er.getBody();
            p.setProperty("code", "GW-A" + er.getStatusCode().value());
            return ResponseEntity.status(er.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        LOG.log(Level.WARNING, "internal error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误（已记录）/ internal error (logged)");
        p.setProperty("code", "GW-A500");
        return ResponseEntity.status(500).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}

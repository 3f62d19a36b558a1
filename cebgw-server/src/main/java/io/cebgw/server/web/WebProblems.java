package io.cebgw.server.web;

import io.cebgw.core.problem.GatewayProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Problems the web pages answer with a page: an upload over the size limit. */
@ControllerAdvice(basePackages = "io.cebgw.server.web")
class WebProblems {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView("upload-too-large");
        page.addObject("message", GatewayProblem.IMPORT_TOO_LARGE.with(64).describe(LocaleContextHolder.getLocale()));
        return page;
    }
}

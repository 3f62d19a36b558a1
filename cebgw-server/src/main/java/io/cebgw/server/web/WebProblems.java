package io.cebgw.server.web;

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
        page.addObject("message", "en".equals(LocaleContextHolder.getLocale().getLanguage())
                ? "GW-X006 the file is larger than 64 MB; split it into several files" : "GW-X006 文件超过 64 MB，请拆分为多个文件上传");
        return page;
    }
}

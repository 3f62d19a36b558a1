package io.cebgw.server.web;

import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.problem.Problem;
import io.cebgw.core.spec.MessageType;
import io.cebgw.server.excel.DocumentImport;
import io.cebgw.server.excel.ImportException;
import io.cebgw.server.excel.ImportLayout;
import io.cebgw.server.excel.ImportWorkbooks;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Excel import: a template per declaration type (Chinese headers), the upload (streamed to a temporary file, checked
 * whole, stored all or nothing as drafts), and the row-level report of what is wrong, as a workbook to download.
 */
@Controller
class ImportPages {
    private final io.cebgw.server.access.Audit audit;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String REPORT = "cebgw.import.report";

    private final SignedIn signedIn;
    private final DocumentImport importer;

    ImportPages(SignedIn signedIn, DocumentImport importer, io.cebgw.server.access.Audit audit) {
        this.audit = audit;
        this.signedIn = signedIn;
        this.importer = importer;
    }

    static List<MessageType> importable() {
        return Arrays.stream(MessageType.values()).filter(t -> ImportLayout.of(t).isPresent()).toList();
    }

    @GetMapping("/import")
    String page(Authentication auth, @RequestParam(required = false) String enterprise, Model model) throws PageNotFound {
        model.addAttribute("ctx", signedIn.context(auth, enterprise));
        model.addAttribute("types", importable());
        return "import";
    }

    @GetMapping("/import/template/{type}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String type) throws PageNotFound {
        ImportLayout layout = MessageType.lookup(type).flatMap(ImportLayout::of).orElseThrow(PageNotFound::new);
        return download(ImportWorkbooks.template(layout), layout.type().name() + "-导入模板.xlsx");
    }

    @PostMapping("/import")
    String upload(Authentication auth, @RequestParam(required = false) String enterprise, @RequestParam String type,
                  @RequestParam("file") MultipartFile file, Model model, HttpSession session, HttpServletResponse response) throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        model.addAttribute("ctx", ctx);
        model.addAttribute("types", importable());
        ImportLayout layout = MessageType.lookup(type).flatMap(ImportLayout::of).orElseThrow(PageNotFound::new);
        model.addAttribute("selectedType", layout.type().name());
        Path temp = null;
        try {
            temp = Files.createTempFile("cebgw-import", ".xlsx");
            file.transferTo(temp);
            DocumentImport.Result result = importer.importDrafts(ctx.enterprise(), layout, temp);
            audit.record(ctx.enterprise().id(), "import", file.getOriginalFilename(), layout.type().name() + ": " + result.rows() + " rows, "
                    + (result.imported() ? result.documents() + " drafts" : result.errors() + " errors, nothing imported"));
            model.addAttribute("result", result);
            model.addAttribute("shown", result.problems().subList(0, Math.min(50, result.problems().size())));
            if (!result.problems().isEmpty()) {
                session.setAttribute(REPORT, ImportWorkbooks.report(result.problems()));
            }
            if (!result.imported()) {
                response.setStatus(422);
            }
        } catch (ImportException e) {
            response.setStatus(e.problem().code().httpStatus());
            model.addAttribute("failure", e.describe(LocaleContextHolder.getLocale()));
        } catch (IOException e) {
            Problem notKept = GatewayProblem.IMPORT_NOT_KEPT.with();
            response.setStatus(notKept.code().httpStatus());
            model.addAttribute("failure", notKept.describe(LocaleContextHolder.getLocale()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the system
                }
            }
        }
        return "import";
    }

    /** The last upload's report in this session. */
    @GetMapping("/import/report.xlsx")
    ResponseEntity<byte[]> report(HttpSession session) throws PageNotFound {
        Object report = session.getAttribute(REPORT);
        if (!(report instanceof byte[] bytes)) {
            throw new PageNotFound();
        }
        return download(bytes, "导入错误报告.xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(bytes);
    }
}

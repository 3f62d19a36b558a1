package io.cebgw.server.web;

import io.cebgw.server.document.ShipmentService;
import io.cebgw.server.store.ShipmentStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/** Shipments (货物): the list, and one shipment with each document's state and what keeps the next one from going. */
@Controller
class ShipmentPages {
    private final SignedIn signedIn;
    private final ShipmentStore shipments;
    private final ShipmentService service;
    private final io.cebgw.server.store.ReceiptStore receipts;

    ShipmentPages(SignedIn signedIn, ShipmentStore shipments, ShipmentService service, io.cebgw.server.store.ReceiptStore receipts) {
        this.signedIn = signedIn;
        this.shipments = shipments;
        this.service = service;
        this.receipts = receipts;
    }

    @GetMapping("/shipments")
    String list(Authentication auth, @RequestParam(required = false) String enterprise, @RequestParam(defaultValue = "0") int page, Model model)
            throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        model.addAttribute("ctx", ctx);
        model.addAttribute("shipments", shipments.list(ctx.enterprise().id(), 50, Math.max(0, page) * 50));
        return "shipments";
    }

    @GetMapping("/shipments/{id}")
    String shipment(Authentication auth, @RequestParam(required = false) String enterprise, @PathVariable String id, Model model)
            throws PageNotFound {
        SignedIn.Context ctx = signedIn.context(auth, enterprise);
        Map<String, Object> view = service.view(ctx.enterprise().id(), id).orElseThrow(PageNotFound::new);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> docs = (List<Map<String, Object>>) view.get("documents");
        Map<String, String> reasons = new java.util.HashMap<>();
        for (Map<String, Object> d : docs) {
            List<io.cebgw.server.store.ReceiptStore.ReceiptRow> got = receipts.forDocument(ctx.enterprise().id(), (String) d.get("id"));
            if (!got.isEmpty() && got.get(got.size() - 1).returnInfo() != null) {
                reasons.put((String) d.get("id"), got.get(got.size() - 1).returnInfo());
            }
        }
        model.addAttribute("ctx", ctx);
        model.addAttribute("s", view);
        model.addAttribute("steps", ShipmentSteps.next(docs));
        model.addAttribute("returnInfo", reasons);
        return "shipment";
    }
}

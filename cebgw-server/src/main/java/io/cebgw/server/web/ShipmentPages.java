package io.cebgw.server.web;

import io.cebgw.server.document.ShipmentService;
import io.cebgw.server.store.ShipmentStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/** Shipments (货物): the list, and one shipment with each document's state and what keeps the next one from going. */
@Controller
class ShipmentPages {
    private final SignedIn signedIn;
    private final ShipmentStore shipments;
    private final ShipmentService service;

    ShipmentPages(SignedIn signedIn, ShipmentStore shipments, ShipmentService service) {
        this.signedIn = signedIn;
        this.shipments = shipments;
        this.service = service;
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
        model.addAttribute("ctx", ctx);
        model.addAttribute("s", view);
        return "shipment";
    }
}

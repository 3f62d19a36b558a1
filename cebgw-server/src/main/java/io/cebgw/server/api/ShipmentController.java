package io.cebgw.server.api;

import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.document.ShipmentService;
import io.cebgw.server.document.ValidationFailed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Shipments of the calling enterprise: create with all their documents, then watch them go out in order. */
@RestController
@RequestMapping("/api/v1/shipments")
class ShipmentController {
    private final ShipmentService shipments;

    ShipmentController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @RequestBody byte[] body)
            throws ValidationFailed {
        return ResponseEntity.status(201).body(shipments.create(enterprise, body));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        return shipments.view(enterprise, id).orElseThrow(() ->
                ValidationFailed.of(GatewayProblem.NO_SUCH_SHIPMENT, id));
    }
}

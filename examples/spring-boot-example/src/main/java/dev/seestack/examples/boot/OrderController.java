package dev.seestack.examples.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * {@code GET /orders/{id}}: logs (with the request's trace id), calls the inventory service through Boot's
 * {@code RestClient.Builder} (recorded as an outbound item, trace id propagated), and fails for order 0 (an
 * unhandled exception, captured once with the trace id).
 */
@RestController
class OrderController {
    private static final Logger log = LoggerFactory.getLogger(OrderController.class);
    private final RestClient inventory;

    OrderController(RestClient.Builder builder, @Value("${shop.inventory-url}") String inventoryUrl) {
        this.inventory = builder.baseUrl(inventoryUrl).build();
    }

    @GetMapping("/orders/{id}")
    String order(@PathVariable("id") int id) {
        if (id == 0) {
            throw new IllegalStateException("order 0 does not exist");
        }
        String stock = inventory.get().uri("/inventory/{id}", id).retrieve().body(String.class);
        log.info("order {} looked up, stock {}", id, stock);
        return "order " + id + ", stock " + stock;
    }

    /** Stands for another service; the example calls itself. */
    @GetMapping("/inventory/{id}")
    String inventory(@PathVariable("id") int id) {
        return String.valueOf(id * 7 % 13);
    }
}

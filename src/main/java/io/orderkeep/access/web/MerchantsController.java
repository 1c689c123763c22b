package io.orderkeep.access.web;

import io.orderkeep.platform.Page;
import io.orderkeep.access.Merchant;
import io.orderkeep.access.Merchants;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/merchants")
class MerchantsController {

    private final Merchants merchants;

    MerchantsController(Merchants merchants) {
        this.merchants = merchants;
    }

    record CreateMerchant(String id, String name, String defaultLocale, String timeZone) {}

    @PostMapping
    ResponseEntity<Merchant> create(Caller caller, @RequestBody CreateMerchant body) {
        caller.require(Role.ADMIN);
        var merchant = merchants.create(body.id(), body.name(), body.defaultLocale(), body.timeZone(), caller.actor());
        return ResponseEntity.created(URI.create("/api/v1/merchants/" + merchant.id())).body(merchant);
    }

    @GetMapping
    Page<Merchant> list(Caller caller) {
        return new Page<>(merchants.list().stream().filter(m -> caller.canSee(m.id())).toList(), null);
    }

    @GetMapping("/{id}")
    Merchant get(Caller caller, @PathVariable String id) {
        return merchants.find(id)
                .filter(m -> caller.canSee(m.id()))
                .orElseThrow(() -> ApiException.notFound("Merchant", id));
    }
}

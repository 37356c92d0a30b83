package org.trackwell.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.tenancy.ModulesUsed;
import org.trackwell.tenancy.OptionalModule;

/**
 * The API twin of the "Modules used" page, for tenant admins. Unlike the page it does not ask
 * before switching a module off: the caller has said exactly which modules stay on.
 */
@RestController
@RequestMapping("/api/v1/modules-used")
class ModulesApi {

    /** The modules the service uses from now on; a module left out is switched off. */
    record ModulesUsedRequest(@NotNull Set<@NotNull OptionalModule> used) {}

    record ModulesUsedView(List<OptionalModule> used) {

        static ModulesUsedView of(Set<OptionalModule> used) {
            return new ModulesUsedView(used.stream().sorted().toList());
        }
    }

    private final ModulesUsed modules;

    ModulesApi(ModulesUsed modules) {
        this.modules = modules;
    }

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    ModulesUsedView modulesUsed() {
        return ModulesUsedView.of(modules.used());
    }

    @PutMapping
    ModulesUsedView changeModulesUsed(@Valid @RequestBody ModulesUsedRequest body) {
        modules.change(body.used());
        return ModulesUsedView.of(modules.used());
    }
}

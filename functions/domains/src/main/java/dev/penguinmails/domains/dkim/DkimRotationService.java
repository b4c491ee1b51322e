package dev.penguinmails.domains.dkim;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.catalog.DomainProblems;
import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a DKIM key rotation: a new key under the next selector, published beside the signing one. It takes over
 * when a verification finds its record ({@link KeyRotation}); until then nothing changes for sending.
 */
@Singleton
public class DkimRotationService {
    public static final ProblemType ROTATION_IN_PROGRESS =
            ProblemType.of("dkim-rotation-in-progress", "A DKIM key rotation is in progress", 409);

    private final DomainStore store;
    private final DkimKeyMaker keys;

    DkimRotationService(DomainStore store, DkimKeyMaker keys) {
        this.store = store;
        this.keys = keys;
    }

    public Domain rotate(TenantContext tenant, Domain current) {
        current.dkimKeys().stream().filter(k -> k.state() != DkimKey.State.ACTIVE).findFirst().ifPresent(k -> {
            throw new ProblemException(ROTATION_IN_PROGRESS, k.state() == DkimKey.State.NEXT
                    ? "Key " + k.selector() + " waits for its record; publish it (GET .../records) and verify, or wait."
                    : "Key " + k.selector() + " is still published for mail in flight until " + k.retireAfter()
                            + "; rotate again after that.");
        });
        List<DkimKey> next = new ArrayList<>(current.dkimKeys());
        next.add(keys.make(tenant.workspaceId(), current.name(), KeyRotation.nextSelector(current.dkimKeys()),
                DkimKey.State.NEXT));
        Domain rotated = current.withKeys(next, Instant.now());
        if (!store.replace(tenant, current, rotated, null)) {
            throw DomainProblems.changedMeanwhile();
        }
        return rotated;
    }
}

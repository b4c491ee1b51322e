package dev.penguinmails.sending.sequences;

import dev.penguinmails.sending.templates.Seeds;
import java.util.List;

/** Chooses a step's variant for a contact: by weight, and the same one every time for that contact and step. */
public final class VariantPicker {
    private VariantPicker() { }

    public static StepVariant pick(List<StepVariant> variants, String contactKey, int stepIndex) {
        int total = variants.stream().mapToInt(StepVariant::weight).sum();
        long seed = Seeds.of("variant", contactKey, Integer.toString(stepIndex));
        int ticket = (int) Long.remainderUnsigned(seed, total);
        for (StepVariant v : variants) {
            ticket -= v.weight();
            if (ticket < 0) {
                return v;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }
}

package dev.penguinmails.contacts.imports;

import java.util.Locale;

/** What an import's file is; its content type is the one the presigned upload is bound to. */
public enum ImportFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ImportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String wire() {
        return extension;
    }

    public static ImportFormat fromWire(String value) {
        for (ImportFormat f : values()) {
            if (f.extension.equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("must be csv or xlsx");
    }
}

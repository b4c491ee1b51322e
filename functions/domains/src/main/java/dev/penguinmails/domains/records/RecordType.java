package dev.penguinmails.domains.records;

/** The DNS record types we ask customers to publish. */
public enum RecordType {
    TXT, MX, CNAME
}

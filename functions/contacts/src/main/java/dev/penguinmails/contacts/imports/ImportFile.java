package dev.penguinmails.contacts.imports;

import java.io.Closeable;
import java.util.List;

/** A file being read row by row, header first; a {@link FileProblem} says the file as a whole cannot be read. */
interface ImportFile extends Closeable {
    /** The header's cells, trimmed. */
    List<String> header();

    /** The next data row, or null at the end of the file. Rows whose cells are all empty are not rows. */
    SourceRow next();

    /** How much of the file is read, 0 to 99 (100 is for an import that completed). */
    int percent();

    /** What was detected, e.g. {@code UTF-8, ';'} or the sheet's name, for the import's record. */
    String detected();
}

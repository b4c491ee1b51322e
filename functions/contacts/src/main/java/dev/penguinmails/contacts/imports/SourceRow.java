package dev.penguinmails.contacts.imports;

import java.util.List;

/**
 * A data row of the file.
 *
 * @param index    its place among the data rows (1 for the first row after the header); the checkpoint counts these
 * @param row      its number as a spreadsheet shows it (the CSV line it starts on, the sheet's row number)
 * @param cells    its cells, as text
 * @param problems what is wrong with the row as a whole (ragged, an unclosed quote, undecodable bytes); it then fails
 */
public record SourceRow(long index, long row, List<String> cells, List<String> problems) { }

package dev.ringside.ui.browse;

/** One column of the chosen table as the browser lists it; {@code role} marks partition and clustering keys. */
public record ColumnRow(String name, String type, String role) {
}

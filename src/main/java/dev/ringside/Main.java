package dev.ringside;
public final class Main { public static void main(String[] a) { } }

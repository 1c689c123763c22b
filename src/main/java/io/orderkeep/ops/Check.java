package io.orderkeep.ops;

/**
 * One operational check's verdict.
 *
 * @param name what was checked ({@code database}, {@code migrations}, …)
 * @param ok whether it passed
 * @param detail what was found
 * @param fix what to do about it when it failed; null when it passed
 */
public record Check(String name, boolean ok, String detail, String fix) {

    public static Check pass(String name, String detail) {
        return new Check(name, true, detail, null);
    }

    public static Check fail(String name, String detail, String fix) {
        return new Check(name, false, detail, fix);
    }
}

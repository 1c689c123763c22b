package io.orderkeep.ops;

/**
 * One operational check's verdict.
 *
 * @param name what was checked ({@code database}, {@code migrations}, …)
 * @param ok whether it passed; a warning passes
 * @param detail what was found
 * @param fix what to do about it when it failed or warns; null when it simply passed
 * @param warning passed, but something is likely wrong (a development secret on a public host)
 */
public record Check(String name, boolean ok, String detail, String fix, boolean warning) {

    public static Check pass(String name, String detail) {
        return new Check(name, true, detail, null, false);
    }

    public static Check fail(String name, String detail, String fix) {
        return new Check(name, false, detail, fix, false);
    }

    public static Check warn(String name, String detail, String fix) {
        return new Check(name, true, detail, fix, true);
    }
}

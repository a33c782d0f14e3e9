import { describe, expect, it } from "vitest";
import { fileErrorMessage } from "../../src/cli/file-error.ts";

const sysError = (code: string, path?: string) => Object.assign(new Error(`${code}: raw node text`), { code, ...(path !== undefined ? { path } : {}) });

describe("fileErrorMessage", () => {
  it("turns Node's file-system codes into plain words", () => {
    expect(fileErrorMessage(sysError("EISDIR", "/tmp"), "read")).toBe("cannot read /tmp: it is a folder, not a file");
    expect(fileErrorMessage(sysError("ENOENT"), "write", "out/x.csv")).toBe("cannot write out/x.csv: no such file or folder");
    expect(fileErrorMessage(sysError("EACCES", "/root/x"), "open")).toBe("cannot open /root/x: permission denied");
  });
  it("keeps Node's message for a code it does not know", () => {
    expect(fileErrorMessage(sysError("EBUSY", "x"), "write")).toBe("cannot write x: EBUSY: raw node text");
  });
  it("is undefined for anything that is not a file-system error with a path", () => {
    expect(fileErrorMessage(new Error("boom"), "read")).toBeUndefined();
    expect(fileErrorMessage(sysError("ENOENT"), "read")).toBeUndefined();
    expect(fileErrorMessage("text", "read")).toBeUndefined();
    expect(fileErrorMessage(null, "read")).toBeUndefined();
  });
});

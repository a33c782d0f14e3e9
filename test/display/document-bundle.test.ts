import { describe, expect, it } from "vitest";
import { displayDocument, documentBundle, withDocumentDisplay } from "../../src/display/document-bundle.ts";
import { JUPYTER_DISPLAY } from "../../src/display/mime-bundle.ts";
import { document, heading, list, paragraph, strong, table } from "../../src/report/document/model.ts";

const doc = document([heading(2, "A <b> | c"), paragraph(strong("DTI"), " x_y"), table(["a"], [["*1*"]]), list([["e"]])]);

describe("documentBundle", () => {
  it("Markdown, HTML and plain text, each written from the document", () => {
    const b = documentBundle(doc);
    expect(b["text/markdown"]).toBe("## A &lt;b&gt; \\| c\n\n**DTI** x_y\n\n| a |\n| :--- |\n| \\*1\\* |\n\n- e\n");
    expect(b["text/html"]).toBe('<div class="dti-analysis"><h2>A &lt;b&gt; | c</h2>\n<p><strong>DTI</strong> x_y</p>\n<table>\n<thead><tr><th>a</th></tr></thead>\n<tbody>\n<tr><td>*1*</td></tr>\n</tbody>\n</table>\n<ul>\n<li>e</li>\n</ul></div>');
    // Plain text reads the escapes back.
    expect(b["text/plain"]).toBe("## A <b> | c\n\n**DTI** x_y\n\n| a |\n| :--- |\n| *1* |\n\n- e");
  });

  it("displayDocument and withDocumentDisplay attach the bundle without changing the data", () => {
    expect(displayDocument(doc)[JUPYTER_DISPLAY]()["text/html"]).toContain("<h2>");
    const target = withDocumentDisplay({ n: 1 }, (t) => document([paragraph(String(t.n))]));
    expect(JSON.stringify(target)).toBe('{"n":1}');
    expect(target[JUPYTER_DISPLAY]()["text/markdown"]).toBe("1\n");
  });
});

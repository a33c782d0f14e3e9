/** The languages of labels and messages: Vietnamese first, English. */
export type Language = "vi" | "en";

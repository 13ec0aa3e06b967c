/** Set by scripts/build.mjs: which menu onOpen builds ("menu": top-level OKR menu; "addon": Extensions menu). */
declare const __MENU_KIND__: "menu" | "addon";
/** Set by scripts/build.mjs: the project file holding the app bundle (dist/server-app.html), by name. */
declare const __APP_FILE__: string;
/** Set by scripts/build.mjs: the global the app bundle sets to its exports when evaluated. */
declare const __APP_GLOBAL__: string;

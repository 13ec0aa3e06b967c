/** Set by scripts/build.mjs: which menu onOpen builds ("menu": top-level OKR menu; "addon": Extensions menu). */
declare const __MENU_KIND__: "menu" | "addon";

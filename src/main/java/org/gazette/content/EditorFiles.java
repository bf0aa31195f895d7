package org.gazette.content;

/**
 * Files editors make beside the ones people write: swap and lock files, backups, the probe vim
 * writes to test a folder ({@code 4913}), the temporary files of a save by rename. Gazette neither
 * reads nor reports them, and the preview server does not rebuild for them.
 */
public final class EditorFiles {

    private EditorFiles() {}

    public static boolean scratch(String name) {
        return name.startsWith(".")                                   // .meeting.zh.md.swp, .#meeting.zh.md, .DS_Store
                || name.endsWith("~")                                 // meeting.zh.md~ (Emacs, gedit, vim backups)
                || (name.startsWith("#") && name.endsWith("#"))       // #meeting.zh.md# (Emacs auto-save)
                || name.equals("4913")                                // vim's probe
                || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp")
                || name.contains("___jb_tmp___") || name.contains("___jb_old___") // JetBrains safe write
                || name.equalsIgnoreCase("Thumbs.db") || name.equalsIgnoreCase("desktop.ini");
    }
}

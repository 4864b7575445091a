import { emptyOverlay, type DirectoryOverlay, type DirectoryOverlayStore } from '../embedded/directoryOverlay.js';

/** Keeps the embedded directory's writes in memory (tests, or a demo that forgets on restart). */
export class MemoryDirectoryOverlayStore implements DirectoryOverlayStore {
  private overlay: DirectoryOverlay = emptyOverlay();

  async load(): Promise<DirectoryOverlay> {
    return structuredClone(this.overlay);
  }

  async save(overlay: DirectoryOverlay): Promise<void> {
    this.overlay = structuredClone(overlay);
  }
}

/** Resources to close on shutdown, closed in reverse order of registration (last opened, first closed). */
export class Lifecycle {
  readonly #closers: Array<{ name: string; close: () => Promise<void> }> = [];

  onClose(name: string, close: () => Promise<void>): void {
    this.#closers.push({ name, close });
  }

  async closeAll(onError: (name: string, error: unknown) => void): Promise<void> {
    for (const { name, close } of this.#closers.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        onError(name, error);
      }
    }
  }
}

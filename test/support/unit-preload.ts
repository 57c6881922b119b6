// Preload for `bun test test/unit`: decorators need reflect-metadata loaded before any injectable class.
import 'reflect-metadata';

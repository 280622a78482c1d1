import { startParityStack } from "./stack";

/** Playwright's web server for the parity suite: the stack, until Playwright sends SIGTERM. */
const stack = await startParityStack();
const shutdown = () => void stack.stop().then(() => process.exit(0));
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

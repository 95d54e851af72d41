// Entry point of the GitHub Action (bundled to dist/action.cjs; action.yml runs it on node24).
import { run } from "./main.js";

void run();

// The app under test for Playwright (see tests/support/app-under-test.ts).
import { startAppUnderTest } from "../../tests/support/app-under-test";
import { DEMO_PASSWORD, E2E_AUTH_SECRET } from "./accounts";

const app = await startAppUnderTest({ port: Number(process.env.E2E_PORT ?? 3100), demoPassword: DEMO_PASSWORD, authSecret: E2E_AUTH_SECRET, serverUrl: process.env.TEST_DATABASE_URL });
const stop = () => void app.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
app.process.on("exit", (code) => void app.stop().then(() => process.exit(code ?? 0)));

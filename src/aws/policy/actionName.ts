/**
 * `service:Operation`, the action a request asks for (`secretsmanager:GetSecretValue`), one string
 * per pair for the life of the process. Built per request, the name was a new string each time,
 * and every statement's action test (compile.ts keeps its answers in a Map by action name) hashed
 * it again; kept, it is hashed once. Operation names are the emulator's own (its services' operations
 * and a few fixed ones), a few hundred at most.
 */
const names = new Map<string, Map<string, string>>();

export function actionName(service: string, operation: string): string {
  let forService = names.get(service);
  if (!forService) {
    forService = new Map();
    names.set(service, forService);
  }
  let name = forService.get(operation);
  if (name === undefined) {
    name = `${service}:${operation}`;
    forService.set(operation, name);
  }
  return name;
}

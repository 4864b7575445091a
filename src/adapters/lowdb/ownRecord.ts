/**
 * Keyed access to plain-object records read from JSON, safe for any key: `record["__proto__"] = x` would replace the
 * prototype instead of storing an entry, and `record["constructor"]` would find an inherited function.
 */
export function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

export function deleteOwn<T>(record: Record<string, T>, key: string): void {
  if (Object.hasOwn(record, key)) delete record[key];
}

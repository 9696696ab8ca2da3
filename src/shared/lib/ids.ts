/**
 * Device-generated ids. Random (122 bits from crypto.randomUUID) so two offline devices never
 * collide, URL-safe so they fit the schema's id pattern and the replication routes.
 */
export function newId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

// data-testid as a spreadable prop, for antd props typed without data-* attributes (onRow, okButtonProps…).
export function testId(id: string): Record<`data-${string}`, string> {
  return { 'data-testid': id };
}

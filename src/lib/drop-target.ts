/** A Svelte action making an element a drop target for files: says when a drag is over it, and hands over the drop. */
export interface DropHandlers {
  drop(data: DataTransfer): void;
  over(on: boolean): void;
}

export function dropTarget(node: HTMLElement, initial: DropHandlers) {
  let h = initial;
  const dragover = (e: DragEvent) => {
    e.preventDefault(); // without it the browser opens the file instead of dropping it here
    h.over(true);
  };
  const dragleave = () => h.over(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    h.over(false);
    if (e.dataTransfer) h.drop(e.dataTransfer);
  };
  node.addEventListener('dragover', dragover);
  node.addEventListener('dragleave', dragleave);
  node.addEventListener('drop', drop);
  return {
    update: (next: DropHandlers) => void (h = next),
    destroy: () => {
      node.removeEventListener('dragover', dragover);
      node.removeEventListener('dragleave', dragleave);
      node.removeEventListener('drop', drop);
    },
  };
}

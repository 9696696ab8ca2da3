/**
 * Page model for "Tasks due" (src/features/tasks/TasksPage.tsx): the sections by heading, each task
 * by its title, and its 'Mark as done' / 'Undo' buttons by accessible name.
 */
import type { Locator, Page } from 'playwright-core';

const PAGE_TIMEOUT_MS = 30_000;

export class TasksPage {
  constructor(readonly page: Page) {}

  /** Opens the page from the main navigation, as a person does. */
  async openFromNav(): Promise<void> {
    await this.page.getByRole('link', { name: 'Tasks due', exact: true }).first().click();
    await this.page.getByRole('heading', { level: 1, name: 'Tasks due' }).waitFor({ timeout: PAGE_TIMEOUT_MS });
    await this.page.getByRole('heading', { level: 2, name: /^Due today/ }).waitFor({ timeout: PAGE_TIMEOUT_MS });
  }

  section(name: 'Overdue' | 'Due today'): Locator {
    return this.page.getByRole('list', { name: name === 'Overdue' ? 'Overdue tasks' : 'Tasks due today' });
  }

  task(title: string): Locator {
    return this.page.getByRole('listitem', { name: title, exact: true });
  }

  markDone(title: string): Locator {
    return this.task(title).getByRole('button', { name: `Mark as done: ${title}` });
  }

  undo(title: string): Locator {
    return this.task(title).getByRole('button', { name: `Undo marking “${title}” as done` });
  }
}

/**
 * Page models for the coordinator's management screens (src/features/admin) and case assignment
 * (src/features/cases/AssignCasePage.tsx), found by role and accessible name.
 */
import type { Locator, Page } from 'playwright-core';

const PAGE_TIMEOUT_MS = 30_000;

async function openAt(page: Page, url: string, heading: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: PAGE_TIMEOUT_MS });
}

export class PeoplePage {
  constructor(readonly page: Page) {}

  open(baseUrl: string): Promise<void> {
    return openAt(this.page, `${baseUrl}/admin/people`, 'People and teams');
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'People' });
  }

  row(name: string): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }
}

export class AddPersonPage {
  constructor(readonly page: Page) {}

  async waitUntilOpen(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Add a person' }).waitFor({ timeout: PAGE_TIMEOUT_MS });
    await this.page.getByRole('group', { name: 'Teams' }).waitFor({ timeout: PAGE_TIMEOUT_MS });
  }

  async fill(person: { name: string; email: string; role: string; teams: string[]; password: string }): Promise<void> {
    await this.page.getByLabel('Full name', { exact: true }).fill(person.name);
    await this.page.getByLabel('Email address', { exact: true }).fill(person.email);
    await this.page.getByRole('group', { name: 'Role' }).getByLabel(person.role, { exact: true }).check();
    for (const team of person.teams) await this.page.getByRole('group', { name: 'Teams' }).getByLabel(team, { exact: true }).check();
    await this.page.getByLabel('First password', { exact: true }).fill(person.password);
  }

  submit(): Promise<void> {
    return this.page.getByRole('button', { name: 'Add person', exact: true }).click();
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
  }
}

export class DevicesPage {
  constructor(readonly page: Page) {}

  open(baseUrl: string): Promise<void> {
    return openAt(this.page, `${baseUrl}/admin/devices`, 'Devices');
  }

  row(deviceName: string): Locator {
    return this.page.getByRole('table', { name: 'Devices' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: deviceName, exact: true }) });
  }

  revokeButton(deviceName: string): Locator {
    return this.row(deviceName).getByRole('button', { name: new RegExp(`^Revoke ${deviceName}`) });
  }

  confirmButton(deviceName: string): Locator {
    return this.row(deviceName).getByRole('button', { name: 'Yes, revoke this device' });
  }
}

export class ClientAuditPage {
  constructor(readonly page: Page) {}

  async waitUntilOpen(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor({ timeout: PAGE_TIMEOUT_MS });
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Audit trail' });
  }
}

export class AssignCasePage {
  constructor(readonly page: Page) {}

  async waitUntilOpen(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Assign or share a case' }).waitFor({ timeout: PAGE_TIMEOUT_MS });
  }

  holders(): Locator {
    return this.page.getByRole('group', { name: 'Who holds this case?' });
  }

  save(): Promise<void> {
    return this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }
}

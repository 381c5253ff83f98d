import type { DataSource } from 'typeorm';
import type { RegisteredExpert } from '@app/domain/expert';

/** rm_experts. */
export class ExpertReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<RegisteredExpert[]> {
    const rows: { state: RegisteredExpert }[] = await this.dataSource.query('SELECT state FROM rm_experts ORDER BY id');
    return rows.map((row) => row.state);
  }

  async names(): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query('SELECT id, name FROM rm_experts');
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

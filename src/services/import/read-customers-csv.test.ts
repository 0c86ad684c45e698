import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/domain-error';
import { readCustomersCsv } from './read-customers-csv';

describe("TeamUp's customer CSV", () => {
  it('finds its columns by header in any order, ignoring the others', () => {
    const result = readCustomersCsv(
      'c.csv',
      'Notes,E-mail,Surname,First Name,Uses Left,Date Joined\nhi,Sam@Example.test,Patel,Sam,3,31/01/2025\n',
    );
    expect(result).toEqual({
      customers: [
        {
          row: 2,
          externalId: 'sam@example.test',
          name: 'Sam Patel',
          email: 'sam@example.test',
          phone: null,
          joinedOn: '2025-01-31',
          activeMemberships: [],
          packUsesLeft: 3,
        },
      ],
      problems: [],
    });
  });

  it('reports rows it leaves out by line, and refuses a file with no email column', () => {
    const result = readCustomersCsv('c.csv', 'Email,Name\n,No Mail\nnot-an-email,Bad\na@b.test,A\na@b.test,A again\n');
    expect(result).not.toBeInstanceOf(DomainError);
    const { customers, problems } = result as Exclude<typeof result, DomainError>;
    expect(customers.map((c) => c.email)).toEqual(['a@b.test']);
    expect(problems.map((p) => p.row)).toEqual([2, 3, 5]);
    expect(readCustomersCsv('x.csv', 'Name,Phone\nA,1')).toBeInstanceOf(DomainError);
  });
});

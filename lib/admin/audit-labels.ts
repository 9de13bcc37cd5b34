// Audit action names contain dots, which the message catalogs read as nesting.
export const auditActionKey = (action: string) => action.replace(/\./g, '_');

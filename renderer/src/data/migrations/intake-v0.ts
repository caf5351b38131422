/**
 * The intake schema as the walking skeleton shipped it (version 0), frozen: laptops in the field may still hold
 * stores created with it, and the migration test opens such a store with the current schema. Never edit.
 */
export const intakeSchemaV0 = {
  type: 'object',
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      pattern: '^[A-Za-z0-9_-]+$',
    },
    officeId: {
      type: 'string',
      enum: ['segeberg', 'stormarn', 'herzogtum-lauenburg', 'pinneberg', 'norderstedt'],
      maxLength: 32,
    },
    createdBy: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
    },
    createdAt: {
      type: 'number',
      minimum: 0,
      maximum: 8640000000000000,
      multipleOf: 1,
    },
    updatedAt: {
      type: 'number',
      minimum: 0,
      maximum: 8640000000000000,
      multipleOf: 1,
    },
    updatedBy: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
    },
    receivedAt: {
      type: 'number',
      minimum: 0,
      maximum: 8640000000000000,
      multipleOf: 1,
    },
    child: {
      type: 'object',
      properties: {
        firstName: {
          type: 'string',
          maxLength: 200,
        },
        lastName: {
          type: 'string',
          maxLength: 200,
        },
        birthDate: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          maxLength: 10,
        },
        estimatedAge: {
          type: 'integer',
          minimum: 0,
          maximum: 21,
        },
      },
      required: ['firstName', 'lastName'],
      additionalProperties: false,
    },
    initiatedBy: {
      type: 'string',
      enum: [
        'child',
        'parents',
        'social_services',
        'police',
        'school_daycare',
        'physician',
        'neighbours_relatives',
        'other',
      ],
    },
    situation: {
      type: 'string',
      maxLength: 20000,
    },
    status: {
      type: 'string',
      enum: ['draft', 'submitted'],
      maxLength: 16,
    },
    conflicts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            pattern: '^[A-Za-z0-9_-]+$',
          },
          field: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          value: {
            type: 'string',
            maxLength: 200000,
          },
          by: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
          },
          at: {
            type: 'number',
            minimum: 0,
            maximum: 8640000000000000,
            multipleOf: 1,
          },
        },
        required: ['id', 'field', 'value', 'by', 'at'],
        additionalProperties: false,
      },
      maxItems: 500,
    },
  },
  required: [
    'id',
    'officeId',
    'createdBy',
    'createdAt',
    'updatedAt',
    'updatedBy',
    'receivedAt',
    'child',
    'situation',
    'status',
    'conflicts',
  ],
  additionalProperties: false,
  title: 'intakes',
  version: 0,
  primaryKey: 'id',
  indexes: ['updatedAt', ['officeId', 'receivedAt'], ['status', 'updatedAt']],
  encrypted: ['child', 'situation', 'conflicts'],
} as const;

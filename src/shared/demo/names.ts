/**
 * Names and languages for demo clients, grouped by background so that a person's first name,
 * surname and first language belong together. The weights sketch a diverse northern English city
 * (loosely Leeds); they are illustrative, not census figures. Second-generation people mostly
 * speak English first, hence English in most language lists.
 *
 * `SPELLING_VARIANTS` are the ways one name really does get written twice by two workers; the
 * near-duplicate clients use them to exercise the duplicate warning.
 */

export interface Background {
  key: string;
  weight: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  languages: readonly (readonly [string, number])[];
}

export const BACKGROUNDS: readonly Background[] = [
  {
    key: 'british',
    weight: 44,
    female: ['Sarah', 'Emma', 'Claire', 'Rebecca', 'Jade', 'Lauren', 'Chloe', 'Michelle', 'Karen', 'Julie', 'Megan', 'Gemma', 'Katherine', 'Rhiannon', 'Eilidh', 'Zoe', 'Stacey', 'Carol'],
    male: ['James', 'Daniel', 'Craig', 'Lee', 'Gary', 'Liam', 'Ryan', 'Stephen', 'Jon', 'Dean', 'Callum', 'Gareth', 'Ewan', 'Paul', 'Darren', 'Shaun', 'Kieran', 'Philip'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Walker', 'Wood', 'Thompson', 'Robinson', 'Wright', 'Hughes', 'Evans', 'Clarke', 'Jackson', 'Harrison', 'Atkinson', 'Fletcher', 'Greenwood', 'Hirst', 'Sutcliffe', 'McDonald', 'Campbell', 'Stewart', 'Pritchard', 'Howarth', 'Metcalfe'],
    languages: [['English', 98], ['Welsh', 1], ['British Sign Language', 1]],
  },
  {
    key: 'irish',
    weight: 4,
    female: ['Siobhan', 'Niamh', 'Aoife', 'Mary', 'Bridget', 'Orla'],
    male: ['Sean', 'Patrick', 'Declan', 'Michael', 'Ciaran', 'Eoin'],
    surnames: ["O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Doyle', 'Gallagher', 'Quinn', 'McCarthy', 'Brennan'],
    languages: [['English', 100]],
  },
  {
    key: 'polish',
    weight: 6,
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Aleksandra', 'Ewa'],
    male: ['Tomasz', 'Piotr', 'Krzysztof', 'Marek', 'Pawel', 'Grzegorz'],
    surnames: ['Kowalski', 'Nowak', 'Wisniewski', 'Wojcik', 'Kaminski', 'Lewandowski', 'Zielinski', 'Szymanski'],
    languages: [['Polish', 75], ['English', 25]],
  },
  {
    key: 'romanian',
    weight: 3,
    female: ['Ioana', 'Elena', 'Andreea', 'Mihaela', 'Florentina'],
    male: ['Andrei', 'Ionut', 'Florin', 'Mihai', 'Constantin'],
    surnames: ['Popescu', 'Ionescu', 'Stan', 'Dumitru', 'Constantin', 'Lungu', 'Munteanu'],
    languages: [['Romanian', 80], ['Romani', 10], ['English', 10]],
  },
  {
    key: 'pakistani',
    weight: 8,
    female: ['Ayesha', 'Fatima', 'Zainab', 'Nadia', 'Saima', 'Shazia', 'Hina', 'Rukhsana'],
    male: ['Mohammed', 'Imran', 'Tariq', 'Bilal', 'Asif', 'Usman', 'Zubair', 'Kashif'],
    surnames: ['Khan', 'Hussain', 'Ahmed', 'Iqbal', 'Akhtar', 'Mahmood', 'Butt', 'Rashid', 'Anwar'],
    languages: [['English', 55], ['Urdu', 25], ['Punjabi', 15], ['Pashto', 5]],
  },
  {
    key: 'indian',
    weight: 5,
    female: ['Priya', 'Anjali', 'Harpreet', 'Kiran', 'Meena', 'Sunita', 'Jaspreet'],
    male: ['Rajesh', 'Amit', 'Gurpreet', 'Sandeep', 'Vikram', 'Harjit', 'Sunil'],
    surnames: ['Patel', 'Singh', 'Kaur', 'Sharma', 'Gill', 'Sandhu', 'Mistry', 'Chauhan'],
    languages: [['English', 65], ['Punjabi', 15], ['Gujarati', 12], ['Hindi', 8]],
  },
  {
    key: 'bangladeshi',
    weight: 3,
    female: ['Nasreen', 'Rumana', 'Shirin', 'Taslima', 'Fahmida'],
    male: ['Abdul', 'Shahid', 'Rahim', 'Jamal', 'Mizanur'],
    surnames: ['Begum', 'Miah', 'Uddin', 'Islam', 'Rahman', 'Chowdhury', 'Ali'],
    languages: [['English', 50], ['Bengali (Sylheti)', 50]],
  },
  {
    key: 'caribbean',
    weight: 4,
    female: ['Marcia', 'Sonia', 'Janelle', 'Paulette', 'Kerry-Ann', 'Tanisha'],
    male: ['Delroy', 'Winston', 'Marcus', 'Leon', 'Jermaine', 'Trevor'],
    surnames: ['Campbell', 'Williams', 'Brown', 'Clarke', 'Francis', 'Samuels', 'Henry', 'Reid'],
    languages: [['English', 100]],
  },
  {
    key: 'west-african',
    weight: 5,
    female: ['Adaeze', 'Chiamaka', 'Funmilayo', 'Abena', 'Yetunde', 'Akosua', 'Blessing'],
    male: ['Chinedu', 'Oluwaseun', 'Kwame', 'Emeka', 'Kofi', 'Tunde', 'Samuel'],
    surnames: ['Okafor', 'Adeyemi', 'Mensah', 'Okonkwo', 'Boateng', 'Adebayo', 'Asante', 'Eze'],
    languages: [['English', 75], ['Yoruba', 10], ['Igbo', 7], ['Twi', 8]],
  },
  {
    key: 'somali',
    weight: 3,
    female: ['Hodan', 'Amina', 'Faduma', 'Sahra', 'Ifrah'],
    male: ['Abdi', 'Mahamed', 'Yusuf', 'Ahmed', 'Hassan'],
    surnames: ['Farah', 'Warsame', 'Abdullahi', 'Jama', 'Hirsi', 'Omar', 'Osman'],
    languages: [['Somali', 65], ['English', 30], ['Arabic', 5]],
  },
  {
    key: 'eritrean',
    weight: 2,
    female: ['Senait', 'Helen', 'Selam', 'Mebrat'],
    male: ['Yonas', 'Dawit', 'Tesfay', 'Samuel', 'Filmon'],
    surnames: ['Tesfamariam', 'Ghebremedhin', 'Haile', 'Berhane', 'Woldu', 'Tekle'],
    languages: [['Tigrinya', 85], ['Arabic', 5], ['English', 10]],
  },
  {
    key: 'arab',
    weight: 4,
    female: ['Rania', 'Layla', 'Noor', 'Hala', 'Mariam', 'Samira'],
    male: ['Omar', 'Khalid', 'Ahmad', 'Yousef', 'Mustafa', 'Hamza', 'Muhammad'],
    surnames: ['Al-Hassan', 'Haddad', 'Mansour', 'Saleh', 'Al-Tamimi', 'Ibrahim', 'Nasser', 'Abdallah'],
    languages: [['Arabic', 85], ['English', 15]],
  },
  {
    key: 'kurdish',
    weight: 2,
    female: ['Shilan', 'Rezan', 'Berivan', 'Nasrin'],
    male: ['Karwan', 'Dilshad', 'Rebwar', 'Hemin', 'Aram'],
    surnames: ['Ahmadi', 'Rasul', 'Hama', 'Aziz', 'Karim', 'Qadir'],
    languages: [['Kurdish (Sorani)', 80], ['Arabic', 10], ['English', 10]],
  },
  {
    key: 'iranian',
    weight: 2,
    female: ['Maryam', 'Shirin', 'Parisa', 'Azadeh'],
    male: ['Reza', 'Ali', 'Mehdi', 'Arash', 'Dariush'],
    surnames: ['Hosseini', 'Mohammadi', 'Rezaei', 'Karimi', 'Jafari', 'Tehrani'],
    languages: [['Farsi', 85], ['English', 15]],
  },
  {
    key: 'chinese',
    weight: 2,
    female: ['Mei', 'Xiu Ying', 'Li Na', 'Wing Yan'],
    male: ['Wei', 'Jun', 'Hao', 'Ka Ho'],
    surnames: ['Chen', 'Wong', 'Li', 'Zhang', 'Cheung', 'Liu'],
    languages: [['Cantonese', 40], ['Mandarin', 35], ['English', 25]],
  },
  {
    key: 'ukrainian',
    weight: 2,
    female: ['Olena', 'Iryna', 'Oksana', 'Nataliia', 'Yuliia'],
    male: ['Oleksandr', 'Andriy', 'Dmytro', 'Serhiy', 'Vasyl'],
    surnames: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Melnyk', 'Kravchenko'],
    languages: [['Ukrainian', 80], ['Russian', 15], ['English', 5]],
  },
];

/** Spellings of one name that two people really do write for the same person. */
export const SPELLING_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  Mohammed: ['Muhammad', 'Mohammad', 'Mohamed'],
  Muhammad: ['Mohammed', 'Muhammed'],
  Mahamed: ['Mohamed', 'Mohammed'],
  Katherine: ['Catherine', 'Kathryn'],
  Stephen: ['Steven'],
  Jon: ['John'],
  Sean: ['Shaun'],
  Shaun: ['Sean'],
  Zoe: ['Zoë'],
  Aleksandra: ['Alexandra'],
  Pawel: ['Paweł', 'Pavel'],
  Yusuf: ['Yousuf', 'Yosef'],
  Ahmed: ['Ahmad'],
  Ahmad: ['Ahmed'],
  Fatima: ['Fatimah'],
  Ayesha: ['Aisha', 'Ayisha'],
  Siobhan: ['Siobhán', 'Shiobhan'],
  Abdi: ['Abdy'],
  Hodan: ['Hodon'],
  Oleksandr: ['Olexandr', 'Oleksander'],
  Yuliia: ['Yulia', 'Iuliia'],
  Nataliia: ['Natalia'],
  Andriy: ['Andrii'],
  Serhiy: ['Serhii', 'Sergei'],
  Ionut: ['Ionuț'],
  Chinedu: ['Chinadu'],
    Rhiannon: ['Rianon'],
    Mei: ['May'],
  Hussain: ['Hussein', 'Husain'],
  Mahmood: ['Mahmud', 'Mehmood'],
  McDonald: ['MacDonald', 'Mcdonald'],
  McCarthy: ['MacCarthy'],
  "O'Brien": ['OBrien', 'O Brien'],
  Wisniewski: ['Wiśniewski'],
  Chowdhury: ['Choudhury', 'Chaudhry'],
  Shevchenko: ['Shevchenco'],
  Tesfamariam: ['Tesfa Mariam', 'Tesfamarium'],
};
